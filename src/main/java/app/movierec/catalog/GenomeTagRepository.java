package app.movierec.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

interface GenomeTagRepository extends JpaRepository<GenomeTag, Integer> {}
