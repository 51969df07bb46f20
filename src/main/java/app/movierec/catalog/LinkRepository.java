package app.movierec.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

interface LinkRepository extends JpaRepository<Link, Integer> {}
