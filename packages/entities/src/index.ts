export { defineEntity, toTableSchema, DEVICE_COLUMN } from './define-entity.js';
export type { EntitySpec, ColumnSpec, ParameterSpec, Platform, EntityPermission, EntityInput } from './define-entity.js';
export { ENTITIES, CATALOG, findEntity } from './catalog.js';
