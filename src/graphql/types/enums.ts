import { registerEnumType } from 'type-graphql';
import { AccessLevel, ConnectionType, WebhookDirection, WebhookPhase } from '../../domain/enums';

registerEnumType(ConnectionType, { name: 'ConnectionType' });
registerEnumType(AccessLevel, { name: 'AccessLevel' });
registerEnumType(WebhookDirection, { name: 'WebhookDirection' });
registerEnumType(WebhookPhase, { name: 'WebhookPhase' });

export { AccessLevel, ConnectionType, WebhookDirection, WebhookPhase };
