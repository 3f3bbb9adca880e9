import {
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SchemableIdentifierNode,
  type TableNode,
  type UnknownRow,
} from 'kysely';

/**
 * Names in a query that look like tables but are not ours: table aliases (`outbox_events as e`),
 * common table expressions, and `excluded` (the row an upsert proposed).
 */
function localNames(node: unknown, names: Set<string>): Set<string> {
  if (typeof node !== 'object' || node === null) return names;
  if (Array.isArray(node)) {
    for (const child of node) localNames(child, names);
    return names;
  }
  const operation = node as OperationNode & Record<string, unknown>;
  if (operation.kind === 'AliasNode') {
    const alias = operation.alias as { kind?: string; name?: string };
    if (alias.kind === 'IdentifierNode' && alias.name !== undefined) names.add(alias.name);
  } else if (operation.kind === 'CommonTableExpressionNameNode') {
    const table = operation.table as TableNode;
    names.add(table.table.identifier.name);
  }
  for (const value of Object.values(operation)) {
    if (typeof value === 'object' && value !== null) localNames(value, names);
  }
  return names;
}

class TablePrefixTransformer extends OperationNodeTransformer {
  readonly #prefix: string;
  readonly #local: ReadonlySet<string>;

  constructor(prefix: string, local: ReadonlySet<string>) {
    super();
    this.#prefix = prefix;
    this.#local = local;
  }

  protected override transformTable(node: TableNode): TableNode {
    const transformed = super.transformTable(node);
    const { table } = transformed;
    if (table.schema === undefined && this.#local.has(table.identifier.name)) return transformed;
    const name = `${this.#prefix}${table.identifier.name}`;
    const identifier = table.schema
      ? SchemableIdentifierNode.createWithSchema(table.schema.name, name)
      : SchemableIdentifierNode.create(name);
    return { ...transformed, table: identifier };
  }
}

/**
 * Puts a prefix in front of every table name a query names (`stock_levels` becomes
 * `rk_stock_levels`), leaving aliases, common table expressions and `excluded` alone, so
 * retailkit's tables can share a database with others. Index names are prefixed by the
 * migrations themselves. Raw SQL text is not rewritten: name tables with `sql.table()`.
 */
export class TablePrefixPlugin implements KyselyPlugin {
  readonly #prefix: string;

  /** A plugin adding `prefix` to table names. */
  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  /** Renames the tables of one query. */
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const local = localNames(args.node, new Set(['excluded']));
    return new TablePrefixTransformer(this.#prefix, local).transformNode(args.node);
  }

  /** Results are left as they are. */
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
