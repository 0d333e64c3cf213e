import type { ColumnSchema, TableSchema } from '../genesys/types.js';
import { tableSchema } from '../genesys/schema.js';
import type { TableConfig } from './types.js';

/**
 * The Genesys table schema a config asks for: the key plus every column, with the attributes
 * the service stores (title, type, default, lengths, range) and Terraform's `$id` and
 * `displayOrder` conventions. enum, pattern and typedBy stay client-side: they are checked
 * before any call.
 */
export function desiredTableSchema(config: TableConfig): TableSchema {
  const properties: Record<string, ColumnSchema> = {
    key: {
      title: config.keyTitle,
      type: 'string',
      $id: '/properties/key',
      displayOrder: 0,
      ...(config.keyDescription !== undefined ? { description: config.keyDescription } : {}),
    },
  };
  config.columns.forEach((column, index) => {
    const property: ColumnSchema = {
      title: column.title ?? column.name,
      type: column.type,
      $id: `/properties/${column.name}`,
      displayOrder: index + 1,
    };
    if (column.description !== undefined) property.description = column.description;
    if (column.default !== undefined) property.default = column.default;
    if (column.minLength !== undefined) property.minLength = column.minLength;
    if (column.maxLength !== undefined) property.maxLength = column.maxLength;
    if (column.minimum !== undefined) property.minimum = column.minimum;
    if (column.maximum !== undefined) property.maximum = column.maximum;
    properties[column.name] = property;
  });
  const schema = tableSchema(properties);
  if (config.description !== undefined) schema.description = config.description;
  return schema;
}
