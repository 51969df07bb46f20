/**
 * Progress of the start-up pipeline (download, import, training) as one thread-safe snapshot that
 * the UI polls and the logs mirror.
 */
package app.movierec.progress;
