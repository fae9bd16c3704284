export type { Layer, PolicyInfo, PolicySource, PrecompiledPack } from '../model/index.js';



export const TAG_ANNOTATIONS = ['owasp_asi', 'maestro', 'nist_ai_rmf', 'csf'] as const;
