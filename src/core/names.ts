/** How a patient's name is written: the same words in the roster, the builder, the handout and the services. */
export interface PersonName {
  firstName: string
  lastName: string
  preferredName?: string
}

/** "Maria Lopez": titles, notices and file names. */
export const fullName = (p: Pick<PersonName, 'firstName' | 'lastName'>): string => `${p.firstName} ${p.lastName}`

/** "Maria “Mari” Lopez": a dialog title that names one patient among many. */
export const namedInFull = (p: PersonName): string =>
  `${p.firstName}${p.preferredName ? ` “${p.preferredName}”` : ''} ${p.lastName}`

/** "Lopez, Maria (Mari)": lists sorted by last name. */
export const listName = (p: PersonName): string =>
  `${p.lastName}, ${p.firstName}${p.preferredName ? ` (${p.preferredName})` : ''}`

/** "Mari Lopez": the name the patient is called by, as the handout greets them. */
export const calledName = (p: PersonName): string => `${p.preferredName || p.firstName} ${p.lastName}`
