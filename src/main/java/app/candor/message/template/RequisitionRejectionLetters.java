package app.candor.message.template;

import app.candor.message.MessageKind;
import app.candor.requisition.RejectionLetters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** The named rejection templates a requisition may name as its default (see {@link RejectionLetters}). */
@ApplicationScoped
public class RequisitionRejectionLetters implements RejectionLetters {

    @Inject
    LetterTemplates templates;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Option> options() {
        return LetterTemplate.ofKind(MessageKind.REJECTION).stream().map(t -> new Option(t.id, t.name)).toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireOption(long id, String field) {
        templates.requireChoice(MessageKind.REJECTION, id, field);
    }
}
