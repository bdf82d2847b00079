// Transitional re-export: provinces by generation are reference data in lib/reference.ts.
// Import from there; this file goes once no page imports it.
export { generationAt, loadProvinces, useProvinces, type AdminUnit, type Generation } from '../../lib/reference';
