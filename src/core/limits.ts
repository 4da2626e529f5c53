/**
 * Lengths shared by the forms that store a value and the handout that prints it, so what can be saved can
 * always be printed (a limit in one place only once let a name be saved that no handout would take).
 */

/** A therapist's name: in Settings → Therapists, on a patient ("Assigned therapist"), on a program, on the handout. */
export const THERAPIST_NAME_MAX = 200
