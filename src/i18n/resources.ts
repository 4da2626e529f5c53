/**
 * The message catalogue: one JSON file per namespace and language, the same keys in every language (a test checks
 * both ways). The handout renderer (Node) and the app's screens (React) read the same files.
 */
import enApp from './locales/en/app.json' with { type: 'json' }
import enCommon from './locales/en/common.json' with { type: 'json' }
import enErrors from './locales/en/errors.json' with { type: 'json' }
import enHandout from './locales/en/handout.json' with { type: 'json' }
import enLibrary from './locales/en/library.json' with { type: 'json' }
import enPatients from './locales/en/patients.json' with { type: 'json' }
import enProgram from './locales/en/program.json' with { type: 'json' }
import enSettings from './locales/en/settings.json' with { type: 'json' }
import esApp from './locales/es/app.json' with { type: 'json' }
import esCommon from './locales/es/common.json' with { type: 'json' }
import esErrors from './locales/es/errors.json' with { type: 'json' }
import esHandout from './locales/es/handout.json' with { type: 'json' }
import esLibrary from './locales/es/library.json' with { type: 'json' }
import esPatients from './locales/es/patients.json' with { type: 'json' }
import esProgram from './locales/es/program.json' with { type: 'json' }
import esSettings from './locales/es/settings.json' with { type: 'json' }

export const resources = {
  en: {
    app: enApp,
    common: enCommon,
    errors: enErrors,
    handout: enHandout,
    library: enLibrary,
    patients: enPatients,
    program: enProgram,
    settings: enSettings,
  },
  es: {
    app: esApp,
    common: esCommon,
    errors: esErrors,
    handout: esHandout,
    library: esLibrary,
    patients: esPatients,
    program: esProgram,
    settings: esSettings,
  },
} as const

export type Namespace = keyof (typeof resources)['en']
export const namespaces = Object.keys(resources.en) as Namespace[]
