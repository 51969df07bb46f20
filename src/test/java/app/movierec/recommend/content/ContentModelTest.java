package app.movierec.recommend.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.movierec.common.GenomeMatrix;
import app.movierec.common.MovieTags;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TrainingData;
import app.movierec.recommend.EngineTestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentModelTest {

  // movies 1..40; 1..10 have genome vectors; movies 1 and 2 carry the tag "classic"
  private static final TrainingData DATA = EngineTestData.randomLongTail(30, 40, 10, 10, 11);
  private static final ContentModel MODEL = ContentModel.build(DATA);

  @Test
  void says_which_movies_have_genome_vectors() {
    assertThat(MODEL.kindOf(3)).contains(VectorKind.GENOME);
    assertThat(MODEL.kindOf(30)).contains(VectorKind.FALLBACK);
    assertThat(MODEL.kindOf(999)).isEmpty();
    assertThat(MODEL.genomeMovieCount()).isEqualTo(10);
  }

  @Test
  void a_movie_is_perfectly_similar_to_itself_in_both_spaces() {
    assertThat(MODEL.similarity(3, 3))
        .hasValueSatisfying(s -> assertThat(s).isCloseTo(1.0, within(1e-5)));
    assertThat(MODEL.similarity(30, 30))
        .hasValueSatisfying(s -> assertThat(s).isCloseTo(1.0, within(1e-5)));
  }

  @Test
  void similar_movies_exclude_the_movie_itself_and_come_best_first() {
    for (int movieId : new int[] {3, 30}) {
      List<ScoredMovie> similar = MODEL.similarMovies(movieId, 39);

      assertThat(similar).hasSize(39).extracting(ScoredMovie::movieId).doesNotContain(movieId);
      assertThat(similar)
          .extracting(ScoredMovie::score)
          .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
  }

  @Test
  void fallback_movies_with_the_same_genres_are_most_similar() {
    int movieId = 20;
    ScoredMovie best = MODEL.similarMovies(movieId, 1).getFirst();

    assertThat(DATA.genres().get(best.movieId() - 1)).containsAnyElementsOf(DATA.genres().get(19));
  }

  @Test
  void genome_movies_are_compared_in_genome_space_with_each_other() {
    double genomeCosine = MODEL.similarity(1, 2).orElseThrow();
    double mixed = MODEL.similarity(1, 30).orElseThrow();

    // 1 and 2 share "classic" and the genre pool, but their similarity is the genome one, which
    // differs from it
    assertThat(genomeCosine).isBetween(-1.0, 1.0);
    assertThat(mixed).isBetween(-1.0, 1.0);
    assertThat(MODEL.similarity(1, 2)).isEqualTo(MODEL.similarity(2, 1));
  }

  @Test
  void a_single_liked_rating_is_enough_for_a_profile() {
    ContentModel.Profile profile = MODEL.profile(EngineTestData.anonymous(30, 5.0));
    List<ScoredMovie> top = MODEL.recommend(profile, 5);

    assertThat(profile.ratedMovieRows()).hasSize(1);
    assertThat(top).hasSize(5).extracting(ScoredMovie::movieId).doesNotContain(30);
    assertThat(top.getFirst().score()).isGreaterThan(0);
    assertThat(top.getFirst().movieId()).isEqualTo(MODEL.similarMovies(30, 1).getFirst().movieId());
  }

  @Test
  void a_single_disliked_rating_pushes_similar_movies_down() {
    List<ScoredMovie> liked = MODEL.recommend(MODEL.profile(EngineTestData.anonymous(30, 5.0)), 39);
    List<ScoredMovie> disliked =
        MODEL.recommend(MODEL.profile(EngineTestData.anonymous(30, 1.0)), 39);

    assertThat(disliked.getLast().movieId()).isEqualTo(liked.getFirst().movieId());
  }

  @Test
  void unknown_movies_give_empty_results() {
    assertThat(MODEL.similarMovies(999, 5)).isEmpty();
    assertThat(MODEL.similarity(999, 1)).isEmpty();
    assertThat(MODEL.recommend(MODEL.profile(EngineTestData.anonymous(999, 5.0)), 5))
        .extracting(ScoredMovie::score)
        .containsOnly(0.0);
    assertThat(MODEL.strongestGenomeTags(999, 3)).isEmpty();
  }

  @Test
  void strongest_genome_tags_name_the_highest_relevances() {
    float[] relevance = DATA.genome().vectorOf(4).orElseThrow();
    int best = 0;
    for (int d = 1; d < relevance.length; d++) {
      if (relevance[d] > relevance[best]) {
        best = d;
      }
    }

    assertThat(MODEL.strongestGenomeTags(4, 3)).hasSize(3).first().isEqualTo("t" + (best + 1));
    assertThat(MODEL.strongestGenomeTags(30, 3)).isEmpty();
  }

  @Test
  void content_explanations_weigh_liked_similar_movies_highest() {
    List<ScoredMovie> explanation =
        MODEL.explain(EngineTestData.anonymous(20, 5.0, 21, 1.0), 14, 2);

    assertThat(explanation).extracting(ScoredMovie::movieId).containsExactlyInAnyOrder(20, 21);
    assertThat(explanation.getFirst().score())
        .isGreaterThanOrEqualTo(explanation.getLast().score());
  }

  @Test
  void a_profile_with_a_genome_part_scores_the_other_movies_as_the_fallback_alone_does() {
    // 60 movies; 1..10 with genome vectors; movie m has m % 23 tags (0 to 22 terms besides its
    // genres), movie 60 has neither genres nor tags
    int movies = 60;
    int[] movieIds = new int[movies];
    List<List<String>> genres = new ArrayList<>();
    MovieTags.Builder tags = MovieTags.builder();
    GenomeMatrix.Builder genome = GenomeMatrix.builder();
    String[] pool = {"Action", "Comedy", "Drama", "Horror"};
    for (int m = 1; m <= movies; m++) {
      movieIds[m - 1] = m;
      genres.add(m == movies ? List.of() : List.of(pool[m % 4], pool[(m / 4) % 4]));
      for (int t = 0; t < m % 23 && m < movies; t++) {
        tags.add(m, "tag" + ((m * 7 + t * 3) % 30));
      }
      if (m <= 10) {
        genome.add(m, new float[] {m % 3, m % 5, 1f / m, m % 2});
      }
    }
    TrainingData data =
        new TrainingData(
            "ragged",
            movieIds,
            genres,
            tags.build(),
            genome.build(),
            new int[] {1, 1},
            new int[] {1, 2},
            new float[] {4, 3},
            List.of("a", "b", "c", "d"));
    ContentModel model = ContentModel.build(data);
    ContentModel.Profile profile =
        model.profile(new int[] {1, 2, 15, 33, 47}, new float[] {1, -0.5f, 1, 0.7f, 0.3f});
    assertThat(profile.genome()).isNotNull();

    float[] scores = model.scores(profile);
    float[] fallbackAlone =
        model.scores(new ContentModel.Profile(profile.fallback(), null, profile.ratedMovieRows()));

    int nonZero = 0;
    for (int m = 11; m <= movies; m++) {
      int row = model.movies().rowOf(m);
      assertThat(scores[row]).as("movie %d", m).isEqualTo(fallbackAlone[row]);
      nonZero += scores[row] != 0 ? 1 : 0;
    }
    assertThat(nonZero).isGreaterThan(40);
    assertThat(scores[model.movies().rowOf(movies)]).isZero();
  }
}
