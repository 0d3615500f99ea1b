package app.candor.interview;

public enum InterviewState { SCHEDULED, CANCELLED }
