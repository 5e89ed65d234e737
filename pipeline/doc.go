// Package pipeline is how the stages talk: the JetStream stream and subjects,
// the NATS messages that carry schemas' jobs on them (NewMsg, with the one
// message-id rule MsgID), worker loops that run a stage's handler over a
// durable pull consumer with at-least-once delivery, and the dead letters
// of jobs given up on.
//
// The flow is one way:
//
//	callscope.jobs.ingest.{s3,scan} -> ingest     -> callscope.jobs.transcribe
//	callscope.jobs.transcribe       -> transcribe -> callscope.jobs.analyze
//	callscope.jobs.analyze          -> analyze    -> callscope.jobs.store
//	callscope.jobs.store            -> store      -> ClickHouse
//
// Every stage records a failure as a schemas.Status on callscope.jobs.store,
// so a call that cannot be processed is never silently dropped.
package pipeline
