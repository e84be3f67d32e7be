// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "secrets/SecretStore.h"

#include <QEventLoop>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace TestSupport {

/** Starts one asynchronous call and waits (bounded) on this thread's event loop for its callback. */
template<typename T>
Common::Result<T> await(const std::function<void(std::function<void(Common::Result<T>)>)> &call,
                        int timeoutMs = 30000)
{
    struct State
    {
        std::optional<Common::Result<T>> result;
        QEventLoop loop;
    };
    auto state = std::make_shared<State>();
    QTimer::singleShot(timeoutMs, &state->loop, &QEventLoop::quit);
    std::weak_ptr<State> weak = state;
    call([weak](Common::Result<T> result) {
        if (auto s = weak.lock()) {
            s->result = std::move(result);
            s->loop.quit();
        }
    });
    if (!state->result)
        state->loop.exec();
    if (!state->result)
        return Common::Error::transient(QStringLiteral("test: no answer within %1 ms").arg(timeoutMs),
                                        QStringLiteral("test-hang"));
    return *state->result;
}

/** SecretStore calls made synchronous for tests, by scope. */
inline Common::Result<QByteArray> readSecret(Secrets::SecretStore &store, const QString &scope,
                                             const QString &name)
{
    return await<QByteArray>([&](auto done) { store.read(scope, name, done); });
}

inline Common::Status writeSecret(Secrets::SecretStore &store, const QString &scope, const QString &name,
                                  const QByteArray &value)
{
    return await<void>([&](auto done) { store.write(scope, name, value, done); });
}

inline Common::Status removeSecret(Secrets::SecretStore &store, const QString &scope, const QString &name)
{
    return await<void>([&](auto done) { store.remove(scope, name, done); });
}

inline Common::Status checkStore(Secrets::SecretStore &store, int timeoutMs = 30000)
{
    return await<void>([&](auto done) { store.checkAvailable(done); }, timeoutMs);
}

} // namespace TestSupport
