package app.movierec.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

interface GenomeVectorRepository extends JpaRepository<GenomeVector, Integer> {}
