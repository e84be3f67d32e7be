// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopSource.h"
#include "SourceRepo.h"
#include "common/Clock.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"

#include <QMap>
#include <functional>
#include <memory>

namespace Source {

/**
 * The shop platforms this build can read, by kind ("minishop2", …). Each platform's folder offers a
 * registration function; the executables (app/common) register them all and hand the registry to the
 * engine and the commands, so nothing in engine/ names a platform. A new platform is one folder that
 * implements ShopSource and registers an opener here.
 *
 * Opening turns a configured source (a SourceRecord) into a working ShopSource: reads its database
 * password from the SecretStore (asynchronously), then connects, and keeps snapshots of the shop's
 * statuses and methods in the store for the console. Registration happens once at start-up; after
 * that the registry is read-only and may be shared by threads. The callback of open() runs on the
 * calling thread, which needs an event loop (for SQLite sources, which need no secret, it runs before
 * open() returns); the source it gets belongs to that thread (see ShopSource).
 */
class SourceRegistry
{
public:
    using Callback = std::function<void(Common::Result<std::shared_ptr<ShopSource>>)>;
    /** Connects one source of the kind; the password may be empty (SQLite, or a passwordless account). */
    using Opener = std::function<Common::Result<std::unique_ptr<ShopSource>>(
        const SourceRecord &record, const QByteArray &password, std::shared_ptr<Storage::Database> store,
        const Common::Clock *clock)>;

    void add(const QString &kind, Opener opener);
    QStringList kinds() const { return m_openers.keys(); }
    bool knows(const QString &kind) const { return m_openers.contains(kind); }

    void open(const SourceRecord &record, std::shared_ptr<Storage::Database> store,
              std::shared_ptr<Secrets::SecretStore> secrets, Callback done,
              const Common::Clock *clock = Common::Clock::system()) const;
    /** With the password already at hand (it may be empty: SQLite, or a passwordless account). */
    Common::Result<std::shared_ptr<ShopSource>>
    openWithPassword(const SourceRecord &record, std::shared_ptr<Storage::Database> store,
                     const QByteArray &password, const Common::Clock *clock = Common::Clock::system()) const;

private:
    QMap<QString, Opener> m_openers;
};

} // namespace Source
