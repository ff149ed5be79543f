/** Across game servers: DataStore data plane, MemoryStore control plane, MessagingService notifications, the merge tree, compact encodings. */
export { ClusterNode, ClusterTrainer } from "./ClusterNode";
export { ClusterKind, ClusterOptions, CLUSTER_DEFAULTS, resolveClusterOptions } from "./options";
export {
	ClusterServices,
	DataStoreLike,
	HashMapLike,
	QueueLike,
	MessagingLike,
	MessageLike,
	ConnectionLike,
	DataStoreGetOptionsLike,
	serializedLength,
} from "./services";
export { robloxServices } from "./robloxServices";
export { planCluster, ClusterPlan, PlanInput } from "./plan";
export { encodeVector, decodeVector, encodedByteCount, vectorEncodingOf, VectorEncoding, VECTOR_ENCODINGS, Q8_BLOCK } from "./codec";
export { encodeBase64, decodeBase64 } from "./base64";
export { ErrorFeedback } from "./ErrorFeedback";
export { DATASTORE_LIMITS, MEMORYSTORE_LIMITS, MESSAGING_LIMITS, experienceQuotas, serverQuotas, ExperienceQuotas, ServerQuotas } from "./limits";
