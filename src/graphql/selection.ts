import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects one of these fields directly (through fragments too).
 * Without the selection at hand it answers true: asking for too much is only slower.
 */
export function selectsField(info: GraphQLResolveInfo | undefined, ...names: string[]): boolean {
  if (!info?.fieldNodes) return true;
  const seen = new Set<string>();
  const has = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return names.includes(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return has(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = info.fragments?.[name];
      return fragment ? has(fragment.selectionSet) : true;
    });
  return info.fieldNodes.some((node) => has(node.selectionSet));
}
