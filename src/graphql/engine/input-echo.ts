// Engine plumbing (graphql/engine/): how the API executes, not what it answers.
// input-echo: graphql-js' messages without the input values they quote (any input may be a
// secret); graphql/errors.ts applies it to every error that echoes input.
import type { GraphQLError } from 'graphql';

/**
 * graphql-js quotes the offending input in its coercion and validation messages
 * ('Variable "$secrets" got invalid value { url: "...", authorization: "..." } at ...').
 * Any input may be a secret, so these messages keep the variable, the path and the reason and
 * drop the value itself.
 */
export function withoutInputValues(message: string, error: GraphQLError): string {
  if (message.startsWith('Variable "$') && message.includes(' got invalid value ')) return variableMessage(message, error);
  return withoutValueInReason(message);
}

const PATH_AT_END = / at "([_A-Za-z]\w*(?:\.[_A-Za-z]\w*|\[\d+\])*)"$/;

/** 'Variable "$v" got invalid value <value> at "v.a.b"; <reason>' with the reason taken from the wrapped error. */
function variableMessage(message: string, error: GraphQLError): string {
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1] ?? '';
  const reason = error.originalError instanceof Error ? error.originalError.message : undefined;
  if (!reason || !message.endsWith(`; ${reason}`)) return `Variable "$${variable}" got an invalid value.`;
  const prefix = message.slice(0, message.length - reason.length - 2);
  const path = PATH_AT_END.exec(prefix)?.[1];
  return `Variable "$${variable}" got an invalid value${path ? ` at "${path}"` : ''}; ${withoutValueInReason(reason)}`;
}

/** The reason templates of graphql-js that quote the value, cut before the value. */
function withoutValueInReason(reason: string): string {
  const expectedFound = /^(Expected value of type "[^"]+"), found ([\s\S]*)$/.exec(reason);
  if (expectedFound) return expectedFound[2] === 'null.' ? reason : `${expectedFound[1]}.`; // null is no secret
  const cannotRepresent = /^((?:Enum "\w+"|\w+) cannot represent)([\s\S]*)$/.exec(reason);
  if (cannotRepresent) return `${cannotRepresent[1]} ${/^ ([\w -]*?value):/.exec(cannotRepresent[2])?.[1] ?? 'this value'}.`;
  const enumValue = /^Value "[\s\S]*" does not exist in "(\w+)" enum\.([\s\S]*)$/.exec(reason);
  if (enumValue) return `The value does not exist in "${enumValue[1]}" enum.${suggestionsOnly(enumValue[2])}`;
  const customScalar = /^(Expected type "\w+"\.) [\s\S]*$/.exec(reason);
  if (customScalar) return customScalar[1];
  const unknownField = /^Field "([\s\S]*)" is not defined by type "(\w+)"\.([\s\S]*)$/.exec(reason);
  if (unknownField) {
    const field = /^[_A-Za-z]\w{0,63}$/.test(unknownField[1]) ? `Field "${unknownField[1]}"` : 'A field';
    return `${field} is not defined by type "${unknownField[2]}".${suggestionsOnly(unknownField[3])}`;
  }
  return reason;
}

/** didYouMean's ' Did you mean "A" or "B"?' lists schema names only. */
function suggestionsOnly(tail: string): string {
  return /^ Did you mean (?:the enum value )?(?:"\w+"(?:, | or |, or )?)+\?$/.test(tail) ? tail : '';
}
