export enum ConnectionType {
  HTTPS = 'HTTPS',
  POSTGRES = 'POSTGRES',
}

export enum AccessLevel {
  READ = 'READ',
  WRITE = 'WRITE',
}

/** Values are the webhook wire format's `direction`. */
export enum WebhookDirection {
  ONE_WAY = 'one_way',
  TWO_WAY = 'two_way',
}

/** Values are the webhook wire format's `callback_type`. */
export enum WebhookPhase {
  PRE_EXECUTION = 'pre',
  POST_EXECUTION = 'post',
}
