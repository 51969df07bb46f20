/**
 * The Spark MLlib training job: reads star ratings from the app's PostgreSQL tables (partitioned
 * JDBC reads, live ratings over MovieLens ones) or from MovieLens CSV/Parquet on any Hadoop path,
 * fits Spark's implicit ALS and exports the factors in the folder format the app imports ({@code
 * app.movierec.recommend.als.ExternalAlsFactors}). A build of its own, never part of the web app.
 */
package app.movierec.spark;
