// SPDX-License-Identifier: GPL-3.0-or-later
#include "WatermarkRepo.h"

#include "storage/Sql.h"

namespace Store {

using Common::Result;
namespace Sql = Storage::Sql;

WatermarkRepo::WatermarkRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<std::optional<QString>> WatermarkRepo::value(const QString &source, const QString &stream)
{
    auto value
        = Sql::scalar(*m_db, QStringLiteral("SELECT value FROM watermarks WHERE source = ? AND stream = ?"),
                      { source, stream });
    if (!value)
        return value.error();
    return value->isValid() ? std::optional<QString>(value->toString()) : std::nullopt;
}

Common::Status WatermarkRepo::setValue(const QString &source, const QString &stream, const QString &value)
{
    auto done = Sql::exec(
        *m_db,
        QStringLiteral("INSERT INTO watermarks (source, stream, value, updated_at) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (source, stream) DO UPDATE SET value = excluded.value, updated_at = "
                       "excluded.updated_at"),
        { source, stream, value, m_clock->nowMs() });
    if (!done)
        return done.error();
    return {};
}

} // namespace Store
