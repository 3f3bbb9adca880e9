import {
  IdentifierNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SchemableIdentifierNode,
  type TableNode,
  type UnknownRow,
} from 'kysely';

class TablePrefixTransformer extends OperationNodeTransformer {
  readonly #prefix: string;

  constructor(prefix: string) {
    super();
    this.#prefix = prefix;
  }

  protected override transformTable(node: TableNode): TableNode {
    const transformed = super.transformTable(node);
    const { table } = transformed;
    const name = `${this.#prefix}${table.identifier.name}`;
    const identifier = table.schema
      ? SchemableIdentifierNode.createWithSchema(table.schema.name, name)
      : SchemableIdentifierNode.create(name);
    return { ...transformed, table: identifier };
  }
}

/**
 * Puts a prefix in front of every table name a query names (`stock_levels` becomes
 * `rk_stock_levels`), so retailkit's tables can share a database with others. Index names are
 * prefixed by the migrations themselves.
 */
export class TablePrefixPlugin implements KyselyPlugin {
  readonly #transformer: TablePrefixTransformer;

  /** A plugin adding `prefix` to table names. */
  constructor(prefix: string) {
    this.#transformer = new TablePrefixTransformer(prefix);
  }

  /** Renames the tables of one query. */
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  /** Results are left as they are. */
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** An identifier with the prefix, for index and constraint names. */
export function prefixedName(prefix: string, name: string): string {
  return IdentifierNode.create(`${prefix}${name}`).name;
}
