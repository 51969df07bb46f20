package app.movierec.tmdb;

import org.springframework.data.jpa.repository.JpaRepository;

/** The poster cache table; only {@link PosterService} uses it. */
interface TmdbPosterRepository extends JpaRepository<TmdbPoster, Long> {}
