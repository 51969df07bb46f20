/**
 * Batch commands run without Spring or a web server ({@code recommend}, {@code evaluate}, {@code
 * benchmark}), reading a MovieLens folder directly. User errors print one line and exit with 2 (bad
 * arguments) or 1 (bad data).
 */
package app.movierec.cli;
