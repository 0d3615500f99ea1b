-- A candidate's feedback request is answered by a feedback message.
alter table feedback_request add column answer_message_id bigint;
alter table feedback_request add constraint fk_feedback_request_answer foreign key (answer_message_id) references message (id);
