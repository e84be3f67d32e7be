// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"

#include "PgServer.h"
#include "storage/Migrator.h"

#include <QTest>

namespace TestSupport {

using Common::Error;
using Common::Result;

void TestDatabase::addDialectRows()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

Result<std::unique_ptr<TestDatabase>> TestDatabase::create(const QString &dialect, bool migrate)
{
    std::unique_ptr<TestDatabase> test(new TestDatabase);
    if (dialect == QLatin1String("postgresql")) {
        auto url = PgServer::instance().createDatabase();
        if (!url)
            return url.error();
        test->m_url = url.value();
    } else {
        test->m_dir = std::make_unique<QTemporaryDir>();
        if (!test->m_dir->isValid())
            return Error::unavailable(QStringLiteral("no temporary folder"));
        test->m_sqliteFile = test->m_dir->filePath(QStringLiteral("store.db"));
        test->m_url = QStringLiteral("sqlite://") + test->m_sqliteFile;
    }
    auto db = Storage::Database::open(test->m_url);
    if (!db)
        return db.error();
    test->m_db = db.value();
    if (migrate) {
        auto migrated = Storage::Migrator(*test->m_db).migrate();
        if (!migrated)
            return migrated.error();
    }
    return test;
}

} // namespace TestSupport
