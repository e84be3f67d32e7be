// SPDX-License-Identifier: GPL-3.0-or-later
#include "CredentialExpiryRepo.h"

#include "SettingsRepo.h"
#include "storage/Transaction.h"

namespace Store {

namespace {
const QString kKind = QStringLiteral("credential_kind");
const QString kAccess = QStringLiteral("access_expires_at");
const QString kRefresh = QStringLiteral("refresh_expires_at");
const QString kWarning = QStringLiteral("expiry_warning");
} // namespace

QDateTime CredentialExpiry::deadline() const
{
    const qint64 at = refreshExpiresAt > 0 ? refreshExpiresAt : accessExpiresAt;
    return at > 0 ? QDateTime::fromMSecsSinceEpoch(at, Qt::UTC) : QDateTime();
}

CredentialExpiryRepo::CredentialExpiryRepo(std::shared_ptr<Storage::Database> db)
    : m_db(std::move(db))
{ }

QString CredentialExpiryRepo::key(qint64 connectionId, const QString &name)
{
    return QStringLiteral("connection.%1.%2").arg(connectionId).arg(name);
}

Common::Status CredentialExpiryRepo::record(qint64 connectionId, const CredentialExpiry &expiry)
{
    SettingsRepo settings(m_db);
    Storage::Transaction tx(*m_db);
    for (const auto &[name, value] :
         { std::pair { kKind, expiry.kind }, std::pair { kAccess, QString::number(expiry.accessExpiresAt) },
           std::pair { kRefresh, QString::number(expiry.refreshExpiresAt) },
           std::pair { kWarning, expiry.warning } }) {
        if (auto set = settings.setValue(key(connectionId, name), value); !set)
            return set;
    }
    return tx.commit();
}

Common::Status CredentialExpiryRepo::setWarning(qint64 connectionId, const QString &warning)
{
    return SettingsRepo(m_db).setValue(key(connectionId, kWarning), warning);
}

Common::Result<CredentialExpiry> CredentialExpiryRepo::load(qint64 connectionId)
{
    SettingsRepo settings(m_db);
    CredentialExpiry expiry;
    Common::Status failed;
    auto read = [&](const QString &name) {
        auto value = settings.value(key(connectionId, name));
        if (!value)
            failed = value.error();
        return value ? value.value() : QString();
    };
    expiry.kind = read(kKind);
    expiry.accessExpiresAt = read(kAccess).toLongLong();
    expiry.refreshExpiresAt = read(kRefresh).toLongLong();
    expiry.warning = read(kWarning);
    if (!failed)
        return failed.error();
    return expiry;
}

Common::Status CredentialExpiryRepo::remove(qint64 connectionId)
{
    SettingsRepo settings(m_db);
    for (const QString &name : { kKind, kAccess, kRefresh, kWarning }) {
        if (auto removed = settings.remove(key(connectionId, name)); !removed)
            return removed;
    }
    return {};
}

} // namespace Store
