package app.movierec.catalog.imports;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which dataset the database holds, for pages and APIs that show it. */
@Service
@Transactional(readOnly = true)
public class DatasetStatusService {

  private final DatasetImportRepository imports;

  DatasetStatusService(DatasetImportRepository imports) {
    this.imports = imports;
  }

  /** The last completed import, or empty before the first one. */
  public Optional<DatasetImport> current() {
    return imports.findById(DatasetImport.SINGLETON_ID);
  }
}
