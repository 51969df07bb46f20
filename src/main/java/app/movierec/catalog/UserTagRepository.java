package app.movierec.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserTagRepository extends JpaRepository<UserTag, Long> {}
