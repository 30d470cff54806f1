// Where a response carries its request id, in order of preference: the root's `requestId` (ec2),
// `RequestId` or `RequestID` (error documents), then `<ResponseMetadata><RequestId>` (query).

export const REQUEST_ID_ELEMENTS = ['requestId', 'RequestId', 'RequestID'] as const;
export const RESPONSE_METADATA_ELEMENT = 'ResponseMetadata';
