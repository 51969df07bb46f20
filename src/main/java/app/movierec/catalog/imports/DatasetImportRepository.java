package app.movierec.catalog.imports;

import org.springframework.data.jpa.repository.JpaRepository;

interface DatasetImportRepository extends JpaRepository<DatasetImport, Integer> {}
