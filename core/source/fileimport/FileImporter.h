// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CsvReader.h"
#include "RecordMapping.h"
#include "TextDecoding.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QMap>
#include <memory>

namespace Source::FileImport {

struct ImportOptions
{
    RecordMapping::Kind kind = RecordMapping::Kind::Orders;
    /** ShopEvent::source of the jobs: use the shop source's name so the poller and the import agree. */
    QString source = QStringLiteral("import");
    TextDecoding::Encoding encoding = TextDecoding::Encoding::Auto;
    QChar delimiter; ///< null: detect
    QMap<QString, QString> columnMap; ///< column → target, over the built-in synonyms
    bool dryRun = false;
};

/** What an import did, or — in a dry run — would do. */
struct ImportReport
{
    QString format; ///< "csv" or "json"
    QString encoding;
    QChar delimiter;
    int rows = 0; ///< data rows / JSON items read
    QList<LineError> errors; ///< rows skipped, by line (CSV) or item number (JSON)
    int fresh = 0; ///< valid rows not in the outbox yet (a real run appends exactly these)
    int inOutbox = 0; ///< valid rows whose job is already in the outbox (re-import adds nothing)
    int linked = 0; ///< of all valid rows, those already linked to a CRM entity
    int appended = 0; ///< jobs appended (0 in a dry run)
    QStringList unmappedColumns;

    QString toText() const;
};

/**
 * Imports historic orders (OrderCreated jobs) or customers (CustomerSaved jobs, revision "import") from
 * CSV or JSON. Job keys are the events' idempotency keys, so importing a file twice adds nothing. A JSON
 * file is an array of objects (or {"orders": [...]}/{"customers": [...]}): objects in CRM Bridge's own
 * ShopOrder / Customer form are taken as they are, flat objects go through the same column mapping as CSV.
 * Valid rows are appended in one store transaction; invalid rows are reported and skipped.
 * Runs on the calling thread's store connection.
 */
class FileImporter
{
public:
    explicit FileImporter(std::shared_ptr<Storage::Database> store,
                          const Common::Clock *clock = Common::Clock::system());

    /** Format from the extension: .json is JSON, anything else CSV. */
    Common::Result<ImportReport> importFile(const QString &path, const ImportOptions &options);
    Common::Result<ImportReport> importCsv(const QByteArray &bytes, const ImportOptions &options);
    Common::Result<ImportReport> importJson(const QByteArray &bytes, const ImportOptions &options);

private:
    struct Item
    {
        int line = 0;
        Common::Result<QJsonObject> payload = QJsonObject();
    };
    Common::Result<ImportReport> run(ImportReport report, const QList<Item> &items,
                                     const ImportOptions &options);

    std::shared_ptr<Storage::Database> m_store;
    const Common::Clock *m_clock;
};

} // namespace Source::FileImport
