/**
 * Content-based similarity: tag-genome vectors where a movie has them, a TF-IDF vector over genres
 * and user tags otherwise ({@code VectorKind}), compared by cosine within one space. {@code
 * ContentModel} also builds a user's taste profile from as little as one rating.
 */
package app.movierec.recommend.content;
