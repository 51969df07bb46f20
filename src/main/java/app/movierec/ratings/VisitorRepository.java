package app.movierec.ratings;

import org.springframework.data.jpa.repository.JpaRepository;

interface VisitorRepository extends JpaRepository<Visitor, Integer> {}
