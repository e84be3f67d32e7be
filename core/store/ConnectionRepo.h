// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>

namespace Store {

/** A CRM account the bridge sends to. Holds no secrets: those are in the SecretStore under its id. */
struct Connection
{
    qint64 id = 0;
    QString name; ///< the operator's name for it, unique
    QString crm; ///< "amocrm", "retailcrm"
    QString baseUrl;
    QJsonObject config; ///< client_id, redirect_uri, site code, rate limit … (never secrets)
    QString state; ///< new, signed-in, needs-sign-in, paused, blocked
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    /** A disabled connection (config "enabled": false) gets no new jobs and the engine runs no lane for it.
     */
    bool enabled() const { return config.value(QLatin1String("enabled")).toBool(true); }
};

/** CRUD for connections; config is checked so that no secret is ever written into it. */
class ConnectionRepo
{
public:
    explicit ConnectionRepo(std::shared_ptr<Storage::Database> db,
                            const Common::Clock *clock = Common::Clock::system());

    Common::Result<Connection> add(const Connection &connection);
    Common::Status update(const Connection &connection);
    Common::Status setState(qint64 id, const QString &state);
    /** Removes the connection; its jobs that were still to be sent are cancelled (nothing sends them). */
    Common::Status remove(qint64 id);
    Common::Result<Connection> byId(qint64 id);
    Common::Result<Connection> byName(const QString &name);
    Common::Result<QList<Connection>> list();

private:
    /** Records in the audit trail what an update changed (switched on/off, settings, name, sign-in). */
    void recordChange(const Connection &before, const Connection &after);

    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
