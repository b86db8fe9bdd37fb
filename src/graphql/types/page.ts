import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { encodeCursor, MAX_PAGE_SIZE } from '../../domain/pagination';
import type { Page } from '../../domain/views';

@ObjectType({ description: 'Where a page lies in its list, and the cursors to ask for the next one.' })
export class PageInfo {
  @Field({ description: 'True when items follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "The last edge's cursor (pass it as `after` for the next page); null on an empty page." })
  endCursor!: string | null;
}

/** The paging arguments of every list query. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 50,
    description: `How many items to return, 0..${MAX_PAGE_SIZE} (BAD_USER_INPUT outside). It also multiplies the query's cost.`,
  })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (an `endCursor` or edge `cursor` of this list); BAD_USER_INPUT for a string that is not one.',
  })
  after!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The Relay-style `<Name>Connection` and `<Name>Edge` types for a node type. */
export function ConnectionOf<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge {
    @Field({ description: `Opaque position of this ${name} in the list, for \`after\`.` })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay connection).` })
  class PageConnection {
    @Field(() => [Edge], { description: 'The items of this page, in the list\'s order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to get them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds (all pages, with the same filter).' })
    totalCount!: number;
  }
  return PageConnection;
}

export function toConnection<T>(page: Page<T>, cursorOf: (item: T) => string): Connection<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: page.totalCount,
  };
}
