// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QMetaObject>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Secrets {

/**
 * A one-shot way back to the thread that asked: made on the requesting thread, answered from any
 * thread, and the callback runs on the requesting thread through its event loop (a queued call on a
 * small QObject that lives there). Copies share one answer; the first finish() wins. If every copy
 * is dropped unanswered (a store destroyed with work queued), the callback gets an Unavailable
 * "closed" error, so callers are always answered exactly once.
 * Internal to the secret stores.
 */
template<typename T> class Reply
{
public:
    using Callback = std::function<void(Common::Result<T>)>;

    explicit Reply(Callback done)
        : m_state(std::make_shared<State>(std::move(done)))
    { }

    void finish(Common::Result<T> result) const { m_state->deliver(std::move(result)); }

private:
    struct State
    {
        explicit State(Callback done)
            : context(new QObject)
            , callback(std::move(done))
        { }
        ~State()
        {
            deliver(
                Common::Error::unavailable(QStringLiteral("The secret store was closed before it answered"),
                                           QStringLiteral("secrets-closed")));
        }
        void deliver(Common::Result<T> result)
        {
            if (answered.exchange(true))
                return;
            QObject *target = context;
            // Qt may destroy this functor on either thread (whichever drops the last reference),
            // so the callback and the result — which may hold the last reference to a store — are
            // released here, on the requesting thread, right after the call.
            QMetaObject::invokeMethod(
                target,
                [target, done = std::move(callback),
                 answer = std::make_optional<Common::Result<T>>(std::move(result))]() mutable {
                    if (done)
                        done(std::move(*answer));
                    done = nullptr;
                    answer.reset();
                    target->deleteLater();
                },
                Qt::QueuedConnection);
        }

        QObject *context; ///< lives on the requesting thread; deletes itself after the callback
        Callback callback;
        std::atomic_bool answered { false };
    };

    std::shared_ptr<State> m_state;
};

} // namespace Secrets
