// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QString>
#include <memory>
#include <optional>

namespace Store {

/**
 * How far a source (or the events poller) has read a stream, e.g. ("shop", "orders") → "1742".
 * Written in the same transaction as the jobs it produced (wrap both in a Storage::Transaction), so
 * a restart neither skips nor repeats.
 */
class WatermarkRepo
{
public:
    explicit WatermarkRepo(std::shared_ptr<Storage::Database> db,
                           const Common::Clock *clock = Common::Clock::system());

    Common::Result<std::optional<QString>> value(const QString &source, const QString &stream);
    Common::Status setValue(const QString &source, const QString &stream, const QString &value);

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
