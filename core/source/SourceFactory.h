// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopSource.h"
#include "SourceRepo.h"
#include "common/Clock.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"

#include <functional>
#include <memory>

namespace Source {

/**
 * Turns a configured source (a SourceRecord) into a working ShopSource: reads its database password
 * from the SecretStore (asynchronously), then connects. The callback runs on the calling thread, which
 * needs an event loop (for SQLite sources, which need no secret, it runs before open() returns); the
 * source it gets belongs to that thread (see ShopSource).
 */
class SourceFactory
{
public:
    using Callback = std::function<void(Common::Result<std::shared_ptr<ShopSource>>)>;

    static QStringList kinds() { return { QStringLiteral("minishop2") }; }

    static void open(const SourceRecord &record, std::shared_ptr<Storage::Database> store,
                     std::shared_ptr<Secrets::SecretStore> secrets, Callback done,
                     const Common::Clock *clock = Common::Clock::system());
    /** With the password already at hand (it may be empty: SQLite, or a passwordless account). */
    static Common::Result<std::shared_ptr<ShopSource>>
    openWithPassword(const SourceRecord &record, std::shared_ptr<Storage::Database> store,
                     const QByteArray &password, const Common::Clock *clock = Common::Clock::system());
};

} // namespace Source
