import type { GraphQLResolveInfo } from 'graphql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, encodeCursor, MAX_PAGE_SIZE } from '../../domain/pagination';
import type { Page } from '../../domain/views';
import { selectsField } from '../selection';

@ObjectType({ description: 'Where a page lies in its list, and the cursors to ask for the pages around it.' })
export class PageInfo {
  @Field({ description: 'True when items follow the last one of this page (after `before`, when paging backward).' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items precede the first one of this page (before `after`, when paging forward).' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The first edge's cursor (pass it as `before` for the previous page); null on an empty page.",
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last edge's cursor (pass it as `after` for the next page); null on an empty page.",
  })
  endCursor!: string | null;
}

const SIZE = `0..${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given; BAD_USER_INPUT outside. It multiplies the query's cost.`;
const CURSOR = 'an edge `cursor`, `startCursor` or `endCursor` of this list; BAD_USER_INPUT for a string that is not one';

/** The paging arguments of every list query: forward with first/after, or backward with last/before. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page forward: the first this many items (after \`after\`). ${SIZE} Not with \`last\` or \`before\`.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: `Page forward from this cursor, the item itself left out: ${CURSOR}.` })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Page backward: the last this many items (before \`before\`), still in list order. ${SIZE} Not with \`first\` or \`after\`.`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: `Page backward from this cursor, the item itself left out: ${CURSOR}.` })
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

/** The Relay-style `<Name>Connection` and `<Name>Edge` types for a node type. */
export function ConnectionOf<T extends object>(name: string, node: ClassType<T>, totalCountCost = 'Counted on each call that selects it.') {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge {
    @Field({ description: `Opaque position of this ${name} in the list, for \`after\` or \`before\`.` })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay connection).` })
  class PageConnection {
    @Field(() => [Edge], { description: "The items of this page, in the list's order." })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to get them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many items the whole list holds (all pages, with the same filter), exactly. ${totalCountCost}` })
    totalCount!: number;
  }
  return PageConnection;
}

export function toConnection<T>(page: Page<T>, cursorOf: (item: T) => string): Connection<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: page.totalCount,
  };
}

/** Whether the list field being resolved selects totalCount (directly or through fragments). */
export function selectsTotalCount(info: GraphQLResolveInfo | undefined): boolean {
  return selectsField(info, 'totalCount');
}
