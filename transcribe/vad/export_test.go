package vad

// FrameSec is exported to the external tests.
const FrameSec = frameSec
