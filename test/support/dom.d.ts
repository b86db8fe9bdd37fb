// The tests call fetch and read res.json() loosely, as the DOM typings allow (Node's own say unknown).
/// <reference lib="dom" />
