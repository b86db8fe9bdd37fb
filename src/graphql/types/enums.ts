import { registerEnumType } from 'type-graphql';
import { AccessLevel, ConnectionType, WebhookDirection, WebhookPhase } from '../../domain/enums';

registerEnumType(ConnectionType, {
  name: 'ConnectionType',
  description: 'What a connection reaches; it decides which member of ConnectionSecretsInput its secrets take.',
  valuesConfig: {
    HTTPS: { description: 'An HTTP(S) endpoint; webhooks call it. Secrets: `https`.' },
    POSTGRES: { description: 'A PostgreSQL database. Secrets: `postgres`. Webhooks cannot use it.' },
  },
});
registerEnumType(AccessLevel, {
  name: 'AccessLevel',
  description: 'What the connection may do at the system it reaches.',
  valuesConfig: {
    READ: { description: 'Reads only.' },
    WRITE: { description: 'Reads and writes.' },
  },
});
registerEnumType(WebhookDirection, {
  name: 'WebhookDirection',
  description: 'Whether dsr-hooks waits for what the webhook answers (the wire format sends it as `direction`).',
  valuesConfig: {
    ONE_WAY: { description: 'A notification: any final HTTP response counts as delivered; its body is ignored. Sent as "one_way".' },
    TWO_WAY: {
      description:
        'The answer must be a 2xx JSON body `{"halt": boolean, "derived_identity"?: {...}}`, else the request fails. ' +
        'The derived identity is merged into the request\'s; before execution `"halt": true` pauses the request until it is ' +
        'resumed with the reply-to token the call carried. Sent as "two_way".',
    },
  },
});
registerEnumType(WebhookPhase, {
  name: 'WebhookPhase',
  description: 'When in a privacy request a webhook runs (the wire format sends it as `callback_type`).',
  valuesConfig: {
    PRE_EXECUTION: { description: 'Before the request executes, in order. Sent as "pre".' },
    POST_EXECUTION: { description: 'After the request executed, in order. Sent as "post".' },
  },
});

export { AccessLevel, ConnectionType, WebhookDirection, WebhookPhase };
