/** The stored vocabulary is defined beside the entities (db/enums.ts), so db/ never imports domain/. */
export * from '../db/enums';
