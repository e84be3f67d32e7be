// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopSource.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>

namespace Source {

/** A configured shop source. Holds no secrets: a database password is in the SecretStore. */
struct SourceRecord
{
    qint64 id = 0;
    QString name; ///< unique; ShopEvent::source of its events
    QString kind; ///< "minishop2"
    QString url; ///< the shop database, without a password: mysql://user@host:port/db, sqlite:///path
    QJsonObject config; ///< prefix, start … (checked: never a secret)
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    /** Where its secrets live in the SecretStore: scope "source:<name>", name secretName(). */
    QString secretScope() const { return QStringLiteral("source:") + name; }
    static QString passwordSecretName() { return QStringLiteral("db_password"); }
    /** The shop's statuses (id, name, colour) as last read from the shop; empty until it was opened. */
    QList<ShopStatus> knownStatuses() const;
    /** The shop's delivery or payment methods (id, name) as last read; empty until it was opened. */
    QList<ShopMethod> knownMethods(MethodKind kind) const;
    /** The order fields the shop has beyond the static catalogue (its order properties, by their
     *  names), as last read; empty until it was opened. */
    QList<Model::SourceField> knownFields() const;
};

/** CRUD for the `sources` table on the calling thread's store connection. */
class SourceRepo
{
public:
    explicit SourceRepo(std::shared_ptr<Storage::Database> db,
                        const Common::Clock *clock = Common::Clock::system());

    /** InvalidInput for an empty or taken name, a URL with a password, or a secret in config. */
    Common::Result<SourceRecord> add(const SourceRecord &record);
    Common::Status update(const SourceRecord &record);
    Common::Status remove(const QString &name);
    /** Keeps a snapshot of the shop's statuses in its config (for the console's colour chips). */
    Common::Status recordStatuses(const QString &name, const QList<ShopStatus> &statuses);
    /** Keeps a snapshot of the shop's delivery or payment methods (for the code map editor). */
    Common::Status recordMethods(const QString &name, MethodKind kind, const QList<ShopMethod> &methods);
    /** Keeps a snapshot of the shop's own order fields — those of @p catalogue that the static
     *  catalogue lacks — for the mapping editor's list of shop fields. */
    Common::Status recordFields(const QString &name, const QList<Model::SourceField> &catalogue);
    Common::Result<SourceRecord> byName(const QString &name);
    Common::Result<QList<SourceRecord>> list();

private:
    /** Stores @p list under config key @p key unless it is already there. */
    Common::Status recordSnapshot(const QString &name, const QString &key, const QJsonArray &list);

    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Source
