// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QList>
#include <QString>
#include <memory>

namespace Source::Intake {

/** A web form that may post to the intake endpoint. */
struct FormEndpoint
{
    qint64 id = 0;
    QString name; ///< in the URL: /forms/<name>
    QString source; ///< ShopEvent::source of its submissions ("forms")
    bool enabled = true;
    qint64 createdAt = 0;
};

/**
 * The forms the intake accepts and their secrets. A secret is never stored: only a random salt and
 * SHA-256(salt ‖ secret), compared in constant time. Generated secrets are 32 random bytes
 * (base64url), shown once by create()/rotateSecret(); an operator-chosen one must be ≥ 16 characters.
 * Runs on the calling thread's store connection.
 */
class FormEndpointRepo
{
public:
    enum class Check { Accepted, UnknownForm, Disabled, WrongSecret };

    explicit FormEndpointRepo(std::shared_ptr<Storage::Database> db,
                              const Common::Clock *clock = Common::Clock::system());

    /** Adds a form with a new random secret and returns that secret (the only time it is visible). */
    Common::Result<QString> create(const QString &name, const QString &source = QStringLiteral("forms"));
    /** Adds or re-keys a form with a chosen secret. */
    Common::Status setSecret(const QString &name, const QString &secret,
                             const QString &source = QStringLiteral("forms"));
    Common::Result<QString> rotateSecret(const QString &name);
    Common::Status setEnabled(const QString &name, bool enabled);
    Common::Status remove(const QString &name);
    Common::Result<QList<FormEndpoint>> list();

    /** Whether secret opens the form name; the endpoint is filled when the form exists. */
    Common::Result<Check> verify(const QString &name, const QByteArray &secret,
                                 FormEndpoint *endpoint = nullptr);

    static QString generateSecret();
    static bool isValidName(const QString &name);

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Source::Intake
