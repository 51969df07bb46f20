package app.movierec.security;

import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorAccountRepository extends JpaRepository<OperatorAccount, String> {}
