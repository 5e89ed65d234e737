// Package app wires callscope's parts into a running process: it connects
// to (or embeds) NATS, object storage and ClickHouse, and starts the stage
// workers. The commands in internal/cli call it; the stages themselves know
// nothing of each other and talk only through NATS.
package app
