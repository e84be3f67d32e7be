// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeychainSecretStore.h"

#include "Reply.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QThread>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace Secrets {

using Common::Error;
using Common::Result;

namespace {

enum class JobKind { Read, Write, Remove };

/** What one keychain operation came to, after its retries. */
struct Outcome
{
    QKeychain::Error error = QKeychain::NoError;
    QString message;
    QByteArray data;
    bool timedOut = false;
    int attempts = 0;
};

/** One operation on its way through the keychain thread. Immutable once started. */
struct Request
{
    JobKind kind = JobKind::Read;
    QString key;
    QByteArray value;
    KeychainSecretStore::Options options;
    std::function<void(const Outcome &)> settle; ///< called once, on the keychain thread
};

// The keychain thread of the process (see the class comment for why there is exactly one).
QMutex s_threadMutex;
QThread *s_thread = nullptr;
QObject *s_context = nullptr;

void stopKeychainThread()
{
    QMutexLocker lock(&s_threadMutex);
    if (!s_thread)
        return;
    s_thread->quit();
    if (s_thread->wait(QDeadlineTimer(5000))) {
        delete s_context;
        delete s_thread;
    } else {
        // A keychain call stuck inside a library: leaking the thread beats hanging the exit.
        qCWarning(lcSecrets) << "the keychain thread did not stop; leaving it behind";
    }
    s_thread = nullptr;
    s_context = nullptr;
}

/** A QObject living on the keychain thread, started on first use. */
QObject *keychainContext()
{
    QMutexLocker lock(&s_threadMutex);
    if (!s_context) {
        s_thread = new QThread;
        s_thread->setObjectName(QStringLiteral("crmbridge-keychain"));
        s_context = new QObject;
        s_context->moveToThread(s_thread);
        s_thread->start();
        qAddPostRoutine(stopKeychainThread);
    }
    return s_context;
}

/** The Linux "secret service not ready yet" answers, worth another try after a pause. */
bool mayBeNotReadyYet(QKeychain::Error error)
{
    // For KWallet QtKeychain says OtherError where NoBackendAvailable is meant.
    return error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError;
}

QKeychain::Job *makeJob(const Request &request)
{
    QKeychain::Job *job = nullptr;
    switch (request.kind) {
    case JobKind::Read:
        job = new QKeychain::ReadPasswordJob(request.options.service);
        break;
    case JobKind::Write: {
        auto *write = new QKeychain::WritePasswordJob(request.options.service);
        write->setBinaryData(request.value);
        job = write;
        break;
    }
    case JobKind::Remove:
        job = new QKeychain::DeletePasswordJob(request.options.service);
        break;
    }
    job->setKey(request.key);
    job->setAutoDelete(true);
    // Never a plain-text copy in a settings file when the keychain fails.
    job->setInsecureFallback(false);
    return job;
}

/** Runs one attempt on the keychain thread; retries or settles the request when it ends. */
void runAttempt(const std::shared_ptr<const Request> &request, int attempt)
{
    QKeychain::Job *job = makeJob(*request);
    auto settled = std::make_shared<bool>(false);

    // A job cannot be cancelled (QtKeychain's libsecret callbacks hold a raw pointer to it), so on
    // timeout it is left to finish and delete itself; its late answer is ignored.
    auto *timer = new QTimer;
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, timer, [request, settled, timer, attempt] {
        timer->deleteLater();
        if (std::exchange(*settled, true))
            return;
        Outcome outcome;
        outcome.timedOut = true;
        outcome.attempts = attempt + 1;
        request->settle(outcome);
    });
    QObject::connect(job, &QKeychain::Job::finished, timer,
                     [request, settled, timer, attempt](QKeychain::Job *done) {
                         timer->stop();
                         timer->deleteLater();
                         if (std::exchange(*settled, true))
                             return;
                         Outcome outcome;
                         outcome.error = done->error();
                         outcome.message = done->errorString();
                         outcome.attempts = attempt + 1;
                         if (outcome.error == QKeychain::NoError && request->kind == JobKind::Read)
                             outcome.data = static_cast<QKeychain::ReadPasswordJob *>(done)->binaryData();
                         if (mayBeNotReadyYet(outcome.error) && attempt < request->options.retries) {
                             const int delay = request->options.retryDelayMs * (attempt + 1);
                             qCInfo(lcSecrets) << "secret service unavailable (not ready yet?), retrying in"
                                               << delay << "ms:" << outcome.message;
                             QTimer::singleShot(delay, keychainContext(),
                                                [request, attempt] { runAttempt(request, attempt + 1); });
                             return;
                         }
                         request->settle(outcome);
                     });
    timer->start(request->options.timeoutMs);
    job->start();
}

void start(JobKind kind, const QString &key, const QByteArray &value,
           const KeychainSecretStore::Options &options, std::function<void(const Outcome &)> settle)
{
    auto request = std::make_shared<Request>();
    request->kind = kind;
    request->key = key;
    request->value = value;
    request->options = options;
    request->settle = std::move(settle);
    QMetaObject::invokeMethod(
        keychainContext(), [request = std::shared_ptr<const Request>(request)] { runAttempt(request, 0); },
        Qt::QueuedConnection);
}

QString keychainKey(const QString &scope, const QString &name)
{
    return scope + QLatin1Char('/') + name;
}

/** Turns a failed outcome into our error, in the operator's words. */
Error toError(const Outcome &outcome, const KeychainSecretStore::Options &options, const QString &what)
{
    if (outcome.timedOut) {
        return Error::unavailable(
            QStringLiteral("The secret service did not answer within %1 s while %2 (is the keyring locked?)")
                .arg(options.timeoutMs / 1000.0)
                .arg(what),
            QStringLiteral("secret-service-timeout"));
    }
    switch (outcome.error) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        return Error::notFound(QStringLiteral("No secret stored while %1").arg(what),
                               QStringLiteral("secret-not-found"));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::unavailable(
            QStringLiteral("The keychain refused access while %1 (locked or denied): %2")
                .arg(what, outcome.message),
            QStringLiteral("keychain-denied"));
    case QKeychain::CouldNotDeleteEntry:
        return Error::transient(QStringLiteral("The keychain could not delete the secret while %1: %2")
                                    .arg(what, outcome.message),
                                QStringLiteral("keychain-delete"));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    return Error::unavailable(
        QStringLiteral("No secret service is available while %1 (%2 attempts): %3. Start the "
                       "desktop keyring, or on a server use a key file (--secret-key-file)")
            .arg(what)
            .arg(outcome.attempts)
            .arg(outcome.message),
        QStringLiteral("no-secret-service"));
}

} // namespace

KeychainSecretStore::KeychainSecretStore()
    : KeychainSecretStore(Options {})
{ }

KeychainSecretStore::KeychainSecretStore(Options options)
    : m_options(std::move(options))
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &scope, const QString &name, ReadCallback done)
{
    Reply<QByteArray> reply(std::move(done));
    if (auto valid = validateKey(scope, name); !valid)
        return reply.finish(valid.error());
    const QString what = QStringLiteral("reading %1 of %2").arg(name, scope);
    start(JobKind::Read, keychainKey(scope, name), {}, m_options,
          [reply, what, options = m_options](const Outcome &o) {
              if (o.error == QKeychain::NoError && !o.timedOut)
                  reply.finish(o.data);
              else
                  reply.finish(toError(o, options, what));
          });
}

void KeychainSecretStore::write(const QString &scope, const QString &name, const QByteArray &value,
                                DoneCallback done)
{
    Reply<void> reply(std::move(done));
    if (auto valid = validateKey(scope, name); !valid)
        return reply.finish(valid.error());
    if (auto valid = validateValue(value); !valid)
        return reply.finish(valid.error());
    const QString what = QStringLiteral("writing %1 of %2").arg(name, scope);
    start(JobKind::Write, keychainKey(scope, name), value, m_options,
          [reply, what, options = m_options](const Outcome &o) {
              if (o.error == QKeychain::NoError && !o.timedOut)
                  reply.finish({});
              else
                  reply.finish(toError(o, options, what));
          });
}

void KeychainSecretStore::remove(const QString &scope, const QString &name, DoneCallback done)
{
    Reply<void> reply(std::move(done));
    if (auto valid = validateKey(scope, name); !valid)
        return reply.finish(valid.error());
    const QString what = QStringLiteral("removing %1 of %2").arg(name, scope);
    start(JobKind::Remove, keychainKey(scope, name), {}, m_options,
          [reply, what, options = m_options](const Outcome &o) {
              // Removing what is not there is done, as in the other stores.
              if (!o.timedOut && (o.error == QKeychain::NoError || o.error == QKeychain::EntryNotFound))
                  reply.finish({});
              else
                  reply.finish(toError(o, options, what));
          });
}

void KeychainSecretStore::checkAvailable(DoneCallback done)
{
    Reply<void> reply(std::move(done));
    start(JobKind::Read, QStringLiteral("crmbridge-availability-probe"), {}, m_options,
          [reply, options = m_options](const Outcome &o) {
              if (!o.timedOut && (o.error == QKeychain::NoError || o.error == QKeychain::EntryNotFound))
                  reply.finish({});
              else
                  reply.finish(toError(o, options, QStringLiteral("checking the keychain")));
          });
}

} // namespace Secrets
