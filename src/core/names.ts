/** How a patient's name is written: the same words in the roster, the builder, the handout and the services. */
export interface PersonName {
  firstName: string
  lastName: string
  preferredName?: string
}

const firstLetter = (value: string): string => {
  const [first] = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(value.trim())
  return first ? first.segment.toLocaleUpperCase() : ''
}

/** "ML": a patient named where their full name need not be (file names, print jobs, PDF titles). */
export const initials = (p: Pick<PersonName, 'firstName' | 'lastName'>): string =>
  `${firstLetter(p.firstName)}${firstLetter(p.lastName)}`

/** The patient as a handout names them outside Homeplan (file, print job, PDF title): see namesInFilesSchema. */
export const patientInFiles = (p: Pick<PersonName, 'firstName' | 'lastName'>, names: 'initials' | 'full'): string =>
  names === 'full' ? fullName(p) : initials(p)

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
